package dev.partyline.server.bot

import kotlin.random.Random

/**
 * A memory bot's choice of the next card, as a pure function of what it has seen.
 *
 * [skill] (0..1) is recall: each time it chooses, the bot keeps every remembered face of a card
 * still in play with probability [skill] and "forgets" it otherwise. With what it recalls it
 * flips the mate of the card already face up if it remembers one, else the first card of a
 * remembered pair, else, uniformly, a card it does not recall: a forgotten card is as good as an
 * unseen one. A face already up on the table is in plain sight and never forgotten. With skill 1
 * it never flips a card it knows to be wrong while a known pair or mate exists; with skill 0 it
 * plays by chance. Deterministic for a seeded [Random].
 */
class MemoryRecall(val skill: Double) {
    init {
        require(skill in 0.0..1.0) { "skill must be within 0..1" }
    }

    /** The card to flip next on [sight]; the board must have a card left to flip. */
    fun next(sight: MemorySight, random: Random): Int {
        val open = sight.open
        require(open.isNotEmpty()) { "no card left to flip" }
        val recalled = open.filter { it in sight.seen && random.nextDouble() < skill }.associateWith { sight.seen.getValue(it) }
        val notRecalled = open.filter { it !in recalled }
        val guess = notRecalled.ifEmpty { open }.random(random)

        val showing = sight.up.singleOrNull()?.let { sight.seen[it] }
        if (showing != null) return recalled.entries.firstOrNull { it.value == showing }?.key ?: guess
        if (sight.up.isEmpty()) {
            val pair = recalled.entries.groupBy({ it.value }, { it.key }).values.firstOrNull { it.size >= 2 }
            if (pair != null) return pair.first()
        }
        return guess
    }
}
