package dev.partyline.shared.game.memory

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameMove
import dev.partyline.shared.game.GameRun
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** A fixed seed, so that every test knows where each face lies. */
const val SEED = 42L

/** Options written as a client would send them, and the boards they deal. */
object MemoryFixtures {
    /** Options from plain values: numbers, strings and booleans become JSON primitives. */
    fun opts(vararg pairs: Pair<String, Any>): JsonObject = JsonObject(pairs.associate { (k, v) -> k to json(v) })

    fun json(v: Any): JsonElement = when (v) {
        is JsonElement -> v
        is Number -> JsonPrimitive(v)
        is String -> JsonPrimitive(v)
        is Boolean -> JsonPrimitive(v)
        else -> error("no JSON for $v")
    }

    /** A game of [rows]×[cols] dealt from [seed]; the clocks keep their defaults unless given. */
    fun game(rows: Int = 2, cols: Int = 4, mode: String = "turns", seed: Long = SEED, turnSeconds: Int? = null, missMillis: Int? = null): JsonObject =
        opts(
            "rows" to rows, "cols" to cols, "mode" to mode, "seed" to seed,
            *listOfNotNull(turnSeconds?.let { "turnSeconds" to it }, missMillis?.let { "missMillis" to it }).toTypedArray(),
        )

    fun table(options: JsonObject, seed: Long = 1L): GameTable =
        MemoryGame.setup(options, seed).shouldBeInstanceOf<Setup.Ready>().table

    fun rejection(options: JsonObject, seed: Long = 1L): Rejection =
        MemoryGame.setup(options, seed).shouldBeInstanceOf<Setup.Invalid>().rejection

    fun seats(players: List<PlayerId>, offline: Set<PlayerId> = emptySet()) =
        players.map { Seat(it, it.value.removePrefix("p_"), connected = it !in offline) }
}

/** Where the faces of a dealt [deck] lie. */
class Deal(val deck: List<String>) {
    /** The other card with the same face as [card]. */
    fun mate(card: Int): Int = deck.indices.single { it != card && deck[it] == deck[card] }

    /** Every pair of the deck, lowest card first, in the order of their first card. */
    val pairs: List<List<Int>> = deck.indices.filter { mate(it) > it }.map { listOf(it, mate(it)) }

    /** Two cards whose faces differ. */
    val miss: List<Int> = listOf(0, deck.indices.first { deck[it] != deck[0] })

    /** Two different cards whose faces differ, none of them in [avoid]. */
    fun missAvoiding(avoid: Collection<Int>): List<Int> {
        val first = deck.indices.first { it !in avoid }
        return listOf(first, deck.indices.first { it !in avoid && deck[it] != deck[first] })
    }

    companion object {
        fun of(rows: Int, cols: Int, seed: Long = SEED) = Deal(Faces.deal(rows * cols / 2, seed))
    }
}

/** A move that is not a memory move. */
object NotAMemoryMove : GameMove

/** Drives the memory fold by hand (see [GameRun]), knowing where the faces of its deal lie. */
class MemoryRun(state: MemoryState, opening: List<Emit>) : GameRun<MemoryState>(state, opening) {
    val deal = Deal(state.settings.deck)

    fun flip(player: PlayerId, card: Int, now: Long) = next(GameInput.Move(player, FlipCard(card), now), now)

    /** Flips both [cards] at [now] and returns what the second flip emitted. */
    fun flipBoth(player: PlayerId, cards: List<Int>, now: Long): List<Emit> {
        flip(player, cards[0], now)
        return flip(player, cards[1], now)
    }

    fun refusedFlip(player: PlayerId, card: Int, now: Long) = rejected(GameInput.Move(player, FlipCard(card), now), now)

    companion object {
        fun start(options: JsonObject, players: List<PlayerId> = listOf(ADA, BOB), now: Long = T0, offline: Set<PlayerId> = emptySet()): MemoryRun {
            val step = MemoryFixtures.table(options).start(MemoryFixtures.seats(players, offline), now)
            val next = step.shouldBeInstanceOf<Step.Next>()
            return MemoryRun(next.play as MemoryState, next.emits)
        }
    }
}

inline fun <reified T> List<Emit>.only(): T = filter { it.message is T }.let {
    withClue("exactly one ${T::class.simpleName} in $this") { it.size shouldBe 1 }
    it.single().message as T
}

inline fun <reified T> List<Emit>.noneOf() = withClue("no ${T::class.simpleName} in $this") { count { it.message is T } shouldBe 0 }
