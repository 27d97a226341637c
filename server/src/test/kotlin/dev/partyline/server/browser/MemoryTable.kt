package dev.partyline.server.browser

import org.openqa.selenium.WebElement

/**
 * Plays memory through the pages with a "remember what you saw" strategy: the faces seen so far
 * are remembered, a known pair is taken at once, a card whose twin was seen is matched to it, and
 * otherwise an unknown card is tried. The board is unknown in advance (the create form has no
 * seed), yet every game finishes within a bounded number of turns.
 *
 * In turns mode one table is shared by everyone at the board; in a race every player has a copy
 * of the same board, so what one player saw is true on every board.
 */
class MemoryTable(val cards: Int) {
    /** Card index → face, for every card seen face up. */
    val faces = mutableMapOf<Int, String>()

    /** The matched cards of the board being played (in a race: per player, see [Attempt]). */
    val matched = mutableSetOf<Int>()

    fun unknown(exceptMatched: Set<Int> = matched): List<Int> = (0 until cards).filter { it !in faces && it !in exceptMatched }

    /** A pair whose two faces are known and which is not matched yet. */
    fun knownPair(exceptMatched: Set<Int> = matched): Pair<Int, Int>? =
        faces.filterKeys { it !in exceptMatched }.entries.groupBy({ it.value }, { it.key }).values.firstOrNull { it.size == 2 }?.let { it[0] to it[1] }

    /**
     * One attempt of two flips by [player] on the board of [matchedCards]; every browser in
     * [watchers] must show the first card with the same face as [player] does (they share the
     * board). Returns the two cards and whether they matched; waits until the pair is shown
     * matched, or until the missed pair has turned face down again.
     */
    fun attempt(player: Browser, watchers: List<Browser>, matchedCards: MutableSet<Int> = matched): Attempt {
        val pair = knownPair(matchedCards)
        val first = pair?.first ?: unknown(matchedCards).first()
        val firstFace = checkNotNull(flip(player, first)) { "the game ended on a first flip" }
        for (w in watchers) w.await("card $first to show $firstFace to everyone") { w.faceOf(first) == firstFace }
        val second = pair?.second
            ?: faces.entries.firstOrNull { it.value == firstFace && it.key != first && it.key !in matchedCards }?.key
            ?: unknown(matchedCards).first { it != first }
        // Only the last pair ends the game: if the page went to the results, this flip matched.
        val secondFace = flip(player, second) ?: firstFace.also { faces[second] = it } // unseen until the game ended on it
        val match = firstFace == secondFace
        for (b in watchers + player) {
            if (match) {
                // The last pair ends the game at once: the page may already show the results.
                b.await("cards $first and $second to show matched") {
                    b.screen() == "game-over" || b.stateOf(first) == "matched" && b.stateOf(second) == "matched" && b.faceOf(second) == firstFace
                }
            } else {
                b.await("the missed cards $first and $second to turn face down", seconds = 10) {
                    b.stateOf(first) == "down" && b.stateOf(second) == "down" && b.card(first).getAttribute("data-face") == null
                }
            }
        }
        if (match) matchedCards += listOf(first, second)
        return Attempt(first, second, match)
    }

    /**
     * Clicks card [index] in [player]'s page once it can be flipped; returns the face it shows, or
     * null when the page went straight to the results (the flip found the last pair).
     */
    fun flip(player: Browser, index: Int): String? {
        player.click("card $index", Browser.test("card", "data-index" to index))
        val face = player.await("card $index to turn face up") { if (player.screen() == "game-over") GAME_OVER else player.faceOf(index) }
        if (face == GAME_OVER) return null
        faces[index] = face
        return face
    }

    private companion object {
        const val GAME_OVER = "\u0000game over"
    }

    data class Attempt(val first: Int, val second: Int, val match: Boolean)
}

fun Browser.card(index: Int): WebElement = find("card", "data-index" to index)

fun Browser.stateOf(index: Int): String? = card(index).getAttribute("data-state")

/** The face shown on card [index], or null while it is face down. */
fun Browser.faceOf(index: Int): String? = card(index).takeIf { it.getAttribute("data-state") != "down" }?.getAttribute("data-face")

/** Whose turn the page says it is (the `turn` hook's player id), or null when nobody's. */
fun Browser.turnOf(): String? = find("turn").getAttribute("data-player-id")?.takeIf { it.isNotEmpty() }
