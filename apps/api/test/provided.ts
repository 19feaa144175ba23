/** What the global setups hand to test files (vitest provide/inject). */
export type TemplateDatabase =
  | { dialect: 'postgres'; adminUrl: string; template: string }
  | { dialect: 'sqlite'; templateFile: string };

declare module 'vitest' {
  interface ProvidedContext {
    templateDatabase: TemplateDatabase;
  }
}
