// A contract's hash. `contractHash` is the SHA-256 (hex, lower case) of the UTF-8 bytes of
//
//   "SSJ-CONTRACT-1\n" + "lo " + B(textLo) + "\n" + textLo + "\n" + "en " + B(textEn) + "\n" + textEn + "\n"
//
// where B(x) is the length of x in UTF-8 bytes, written in decimal ASCII. The
// texts are hashed exactly as stored (no trimming, no Unicode normalisation, so
// the /verify page recomputes it from the stored texts alone); the length
// prefixes make the join unambiguous whatever the texts contain. The renderer
// itself produces NFC text with "\n" line ends and no trailing spaces.
import { createHash } from "node:crypto";

/** SHA-256 (lower-case hex) of the canonical join described at the top of this file. */
export function contractHash(textLo: string, textEn: string): string {
  const canonical = `SSJ-CONTRACT-1\n` + `lo ${Buffer.byteLength(textLo, "utf8")}\n${textLo}\n` + `en ${Buffer.byteLength(textEn, "utf8")}\n${textEn}\n`;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
