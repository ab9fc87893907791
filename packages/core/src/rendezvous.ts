/** FNV-1a over the string, then murmur3's finalizer so that similar strings get unrelated weights. */
function weight(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Which of `members` an item belongs to, by rendezvous (highest random weight)
 * hashing: every member computes the same answer from the same list, items
 * spread evenly, and when a member joins or leaves only the items it gains or
 * held move. Undefined when there are no members.
 */
export function homeOf(item: string, members: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestWeight = -1;
  for (const m of members) {
    // The member's hash mixed into the item's, so weights are independent per member.
    const w = weight(`${m}\u0000${item}`);
    if (w > bestWeight || (w === bestWeight && best !== undefined && m < best)) {
      best = m;
      bestWeight = w;
    }
  }
  return best;
}
