const PARAM = /\{([^{}]+)\}/g;
/** openapi-fetch's label (`{.x}`), matrix (`{;x}`) and explode (`{x*}`) markers; `{member.id}` is plain. */
const STYLED_NAME = /^[.;]|\*$/;

/**
 * A spec path template (`/users/{uid}/keys`) split once into literals and parameter names, so a call fills
 * it with string joins instead of openapi-fetch's per-call regex scan.
 */
export class PathTemplate {
  readonly #literals: string[] = [];
  readonly #names: string[] = [];
  /** Names with openapi-fetch's label, matrix or explode markers (`{.x}`, `{;x}`, `{x*}`): never expanded here. */
  readonly #styled: boolean;

  constructor(template: string) {
    let at = 0;
    for (const match of template.matchAll(PARAM)) {
      this.#literals.push(template.slice(at, match.index));
      this.#names.push(match[1] as string);
      at = match.index + match[0].length;
    }
    this.#literals.push(template.slice(at));
    this.#styled = this.#names.some((name) => STYLED_NAME.test(name));
  }

  /**
   * The path with every parameter percent-encoded in (OpenAPI's default `simple` style, as openapi-fetch
   * encodes a primitive), or undefined when a value is missing, an object or an array, or the template uses
   * a styled name: the caller then leaves the path to openapi-fetch's own serializer.
   */
  expand(values: Readonly<Record<string, unknown>> | undefined): string | undefined {
    if (this.#styled) return undefined;
    let out = this.#literals[0] as string;
    for (let i = 0; i < this.#names.length; i++) {
      const value = values?.[this.#names[i] as string];
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        return undefined;
      out += encodeURIComponent(value) + (this.#literals[i + 1] as string);
    }
    return out;
  }
}
