/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The edition a page renders; MDX components (<Value/>, <IndicatorTable/>…) read it. */
    edition?: import('./lib/model/project.ts').Edition;
    /** Set by the print page: components render for paper (static charts, no scripts). */
    print?: boolean;
  }
}

/** The site's options, served by src/site-config.ts (`SiteModule`) to the pages and the chapter collection. */
declare module 'virtual:white-paper/site' {
  export const contentRoot: string;
  export const showDrafts: boolean;
  export const pdf: boolean;
  /** This build's (or dev server's) own id: its server bundle is never another build's. */
  export const build: string;
  /** Where chart SVGs are kept across builds, and the renderer's identity (builds only). */
  export const chartCache: import('./lib/charts/chart-cache.ts').ChartSvgCache | null;
  /** The chart-drawing threads' module, a file URL (builds only). */
  export const chartWorker: string | null;
}
