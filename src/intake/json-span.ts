/**
 * Finds the raw text of a top-level member of a JSON object, e.g. the `header` of a push exactly
 * as the sender wrote it (its bytes are what was signed). Expects text that JSON.parse accepted.
 */
export function rawMember(json: string, name: string): string | null {
  let i = skipWs(json, 0);
  if (json[i] !== "{") return null;
  i++;
  for (;;) {
    i = skipWs(json, i);
    if (json[i] === "}") return null;
    const keyEnd = endOfValue(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipWs(json, keyEnd);
    i = skipWs(json, i + 1); // past ':'
    const valueEnd = endOfValue(json, i);
    if (key === name) return json.slice(i, valueEnd);
    i = skipWs(json, valueEnd);
    if (json[i] === ",") i++;
    else return null;
  }
}

function skipWs(s: string, i: number): number {
  while (i < s.length && " \t\n\r".includes(s[i]!)) i++;
  return i;
}

/** Index just past the JSON value starting at `i`. */
function endOfValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') {
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === "\\") j++;
      else if (s[j] === '"') return j + 1;
    }
    return s.length;
  }
  if (c === "{" || c === "[") {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '"') j = endOfValue(s, j) - 1;
      else if (d === "{" || d === "[") depth++;
      else if (d === "}" || d === "]") {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && !",}] \t\n\r".includes(s[j]!)) j++;
  return j;
}
