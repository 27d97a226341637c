package dev.partyline.tools.bench

import kotlinx.coroutines.Deferred
import java.util.concurrent.atomic.AtomicLong
import java.util.concurrent.atomic.LongAdder
import kotlin.random.Random

/**
 * What one racer saw: when `game_over` arrived ([gameOverAt], `System.nanoTime()`, 0 if it did
 * not) and its `reason`, and how many `standings` and `progress` messages came. Its scenario
 * reads it once the racer's coroutine has ended, finished or not.
 */
class RaceTrace {
    var gameOverAt = 0L
    var reason: String? = null
    var standings = 0
    var progress = 0
}

/**
 * Counts every racer adds to: flips sent, answered with `flipped` and refused because the race
 * had just ended (`wrong_state` after `game_over`), pairs found, the flip → `flipped` round
 * trip, and when the winning flip (the one that cleared a board) was sent.
 */
class RaceTally {
    val flips = LongAdder()
    val flipped = LongAdder()
    val refused = LongAdder()
    val pairs = LongAdder()
    val roundTrip = LatencyHistogram()
    val winningFlipAt = AtomicLong(0)
}

/**
 * A racer's script, a bot with a perfect memory on its own board of [cards] cards: the host
 * (seat 0) waits for [go] and starts the race; from `board` on, each member flips one card at a
 * time, each after [think] nanoseconds (drawn from [random]) from the reply to its last move. It
 * flips a known unmatched pair when it knows one, else an unknown card, and as its second card the
 * first one's mate when it has seen it, else another unknown card; it remembers every face it
 * sees. A miss turns down at once (`missMillis` 0: `miss` and `hide` follow the second
 * `flipped`). It races until `game_over`, then waits for the reply to a flip still under way.
 */
class RaceMember(
    private val member: Member,
    private val trace: RaceTrace,
    private val tally: RaceTally,
    private val cards: Int,
    private val random: Random,
    private val think: (Random) -> Long,
) {
    private val faces = arrayOfNulls<String>(cards)
    private val matched = BooleanArray(cards)
    private val up = IntArray(2) // the cards face up in the pair being turned
    private var upCount = 0

    suspend fun play(go: Deferred<Unit>) {
        val client = member.client
        member.startWhenHost(go)
        var due: Long? = null
        var sentAt = 0L
        var awaiting = false // a flip sent that has had neither `flipped` nor a refusal yet
        fun over() = trace.gameOverAt != 0L
        fun goOn() = !(over() && !awaiting)
        client.serve(
            due = { due },
            onDue = {
                due = null
                if (!over()) {
                    sentAt = System.nanoTime()
                    client.send(BenchWire.flip(nextCard()))
                    tally.flips.increment()
                    awaiting = true
                }
                !over()
            },
            onError = { code ->
                // A flip that reaches the server after someone won is refused as wrong_state.
                if (!(code == "wrong_state" && over())) throw BenchFailure("error $code")
                tally.refused.increment()
                awaiting = false
                goOn()
            },
        ) { message ->
            when (message.type) {
                "board" -> due = message.nanos + think(random)
                "flipped" -> {
                    tally.flipped.increment()
                    tally.roundTrip.recordNanos(message.nanos - sentAt)
                    awaiting = false
                    val card = BenchWire.long(message.text, "card")!!.toInt()
                    faces[card] = BenchWire.string(message.text, "face")!!
                    up[upCount++] = card
                    // The second card's reply is `match`, or `miss` and `hide`: the next flip waits for it.
                    if (upCount == 1) due = message.nanos + think(random)
                }
                "match" -> {
                    tally.pairs.increment()
                    matched[up[0]] = true
                    matched[up[1]] = true
                    upCount = 0
                    val cleared = BenchWire.long(message.text, "score") == cards / 2L
                    if (cleared) tally.winningFlipAt.set(sentAt)
                    // A cleared board waits for its game_over, which can come later than a think time on a busy server.
                    due = if (cleared) null else message.nanos + think(random)
                }
                "hide" -> {
                    upCount = 0
                    due = message.nanos + think(random)
                }
                "standings" -> trace.standings++
                "progress" -> trace.progress++
                "game_over" -> {
                    trace.gameOverAt = message.nanos
                    trace.reason = BenchWire.string(message.text, "reason")
                    due = if (awaiting) message.nanos + REPLY_GRACE_NANOS else null
                }
            }
            goOn()
        }
    }

    /** The next card to flip: a known pair's, the face-up card's mate, or else an unknown card. */
    private fun nextCard(): Int {
        val known = if (upCount == 0) (0 until cards).firstOrNull { mateOf(it) != null } else mateOf(up[0])
        if (known != null) return known
        val unknown = (0 until cards).filter { faces[it] == null }
        if (unknown.isEmpty()) throw BenchFailure("a racer found no card to flip")
        return unknown[random.nextInt(unknown.size)]
    }

    /** The unmatched card other than [card] that shows the same face, if it has been seen. */
    private fun mateOf(card: Int): Int? {
        val face = faces[card] ?: return null
        if (matched[card]) return null
        return (0 until cards).firstOrNull { it != card && !matched[it] && faces[it] == face }
    }

    private companion object {
        /** After `game_over`, how long a racer waits for the reply to a flip it sent just before. */
        const val REPLY_GRACE_NANOS = 5_000_000_000L
    }
}
