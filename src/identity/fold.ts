/**
 * Vietnamese name folding for comparison: NFD, combining marks removed, đ→d, lower case, single
 * spaces. "Nguyễn Thị Ánh" and "NGUYEN THI  ANH" fold alike. Tones are lost: use for blocking and
 * equality, not for scoring (issue 4's matcher keeps tones there).
 */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
