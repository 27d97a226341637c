package dev.partyline.shared.game

import dev.partyline.shared.protocol.Rejection
import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf

/**
 * Drives a game's fold by hand: keeps the current state, applies each input at an explicit
 * `now`, and checks that a rejection leaves the state as it was.
 */
abstract class GameRun<S : GamePlay>(var state: S, val opening: List<Emit>) {
    /** How a failing input is described; a game may add where it stood. */
    protected open fun describe(input: GameInput, now: Long) = "$input at $now"

    fun step(input: GameInput, now: Long): Step {
        val step = state.decide(input, now)
        @Suppress("UNCHECKED_CAST")
        if (step is Step.Next) state = step.play as S
        return step
    }

    /** Applies [input], which must be accepted, and returns what it emitted. */
    fun next(input: GameInput, now: Long): List<Emit> {
        val clue = describe(input, now)
        val step = step(input, now)
        withClue(clue) { step.shouldBeInstanceOf<Step.Next>() }
        return (step as Step.Next).emits
    }

    /** Applies [input], which must be refused, and returns the rejection. */
    fun rejected(input: GameInput, now: Long): Rejection {
        val before = state
        val step = step(input, now)
        withClue(describe(input, now)) { step.shouldBeInstanceOf<Step.Rejected>() }
        state shouldBe before
        return (step as Step.Rejected).rejection
    }
}
