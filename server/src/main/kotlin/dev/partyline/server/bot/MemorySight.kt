package dev.partyline.server.bot

/**
 * What a bot has seen of one memory board: [cards] in all, the [seen] faces (card → face, from
 * every `flipped` it was sent), the [matched] cards and the cards [up] now (face up, unmatched).
 * Immutable, so a [MemoryRecall] decision is a pure function of it.
 */
data class MemorySight(
    val cards: Int,
    val seen: Map<Int, String> = emptyMap(),
    val matched: Set<Int> = emptySet(),
    val up: List<Int> = emptyList(),
) {
    /** Cards that may be flipped now: neither matched nor face up. */
    val open: List<Int> get() = (0 until cards).filter { it !in matched && it !in up }
}
