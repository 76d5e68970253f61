/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The edition a page renders; MDX components (<Value/>, <IndicatorTable/>…) read it. */
    edition?: import('./lib/project.ts').Edition;
    /** The chapter a page renders (custom chart specs live beside it). */
    chapter?: import('./lib/project.ts').Chapter;
  }
}
