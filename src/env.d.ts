/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The edition a page renders; MDX components (<Value/>, <IndicatorTable/>…) read it. */
    edition?: import('./lib/content/project.ts').Edition;
    /** Set by the print page: components render for paper (static charts, no scripts). */
    print?: boolean;
  }
}
