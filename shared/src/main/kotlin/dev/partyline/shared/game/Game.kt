package dev.partyline.shared.game

import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.GameView
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.Standing
import dev.partyline.shared.protocol.WireExtension
import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.JsonObject

/**
 * A game plug-in. The room actor, registry and transports know games only through this
 * interface: a game brings its option parser, its moves and events on the wire, and pure rules.
 */
interface Game : WireExtension {
    /** The wire name used in `create`, e.g. `quiz`. */
    val id: String

    /** The moves this game adds (wire type to deserializer). */
    override val moves: Map<String, KSerializer<out GameMove>>

    /** Validates a room's game options; [seed] is used when the options name none. */
    fun setup(options: JsonObject, seed: Long): Setup
}

/** The result of [Game.setup]. */
sealed interface Setup {
    data class Ready(val table: GameTable) : Setup
    data class Invalid(val rejection: Rejection) : Setup
}

/** A client message that is a move in a game (an answer, a flip). */
interface GameMove : ClientMessage

/** A player taking part in a game; the rules do not look at [bot], the game's record does. */
data class Seat(val player: PlayerId, val name: String, val connected: Boolean = true, val bot: Boolean = false)

/** Validated, immutable options of one room's game, and the way to start it. */
interface GameTable {
    /** The options as clients see them in the room snapshot. */
    val options: JsonObject

    /** Whether a member with [role] takes part in the game (the quiz host only with `hostPlays`). */
    fun plays(role: Role): Boolean

    /** The game's part of a `room` snapshot before the game starts. */
    fun lobbyView(): GameView

    /** Starts the game with [seats] at [now]; rejected when the game cannot start. */
    fun start(seats: List<Seat>, now: Long): Step
}

/**
 * The immutable state of a running game. Every input gives a new state and the events it
 * produced, or a [Rejection]; a rule never reads a clock, so [now] is passed in.
 */
interface GamePlay {
    /** When the game wants a [GameInput.Tick] next, in server epoch ms; null for never. */
    val wakeAt: Long?

    /** True once the game has ended (its `game_over` was emitted). */
    val isOver: Boolean

    /** Every participant's score. */
    val scores: Map<PlayerId, Int>

    /** The leaderboard now, every participant ranked: the one `game_over` shows at the end. */
    val standings: List<Standing>

    fun decide(input: GameInput, now: Long): Step

    /** The game's part of a `room` snapshot for [viewer]: only what that member may see. */
    fun view(viewer: PlayerId): GameView
}

/** What a game is told by its room. */
sealed interface GameInput {
    /** A move; [receivedAt] is when its line or frame arrived, before the room's mailbox. */
    data class Move(val player: PlayerId, val move: GameMove, val receivedAt: Long) : GameInput
    /** A participant joined while the game runs. */
    data class Joined(val seat: Seat) : GameInput
    /** A participant's connection dropped or came back. */
    data class Presence(val player: PlayerId, val connected: Boolean) : GameInput
    /** A participant left the room for good. */
    data class Gone(val player: PlayerId) : GameInput
    /** A deadline the game asked for with [GamePlay.wakeAt] may have passed. */
    data object Tick : GameInput
    data object Skip : GameInput
    data object Pause : GameInput
    data object Resume : GameInput
    data object End : GameInput
}

/** The outcome of one input. */
sealed interface Step {
    data class Next(val play: GamePlay, val emits: List<Emit> = emptyList()) : Step
    data class Rejected(val rejection: Rejection) : Step
}

/** An event for some members of the room. */
data class Emit(val to: Audience, val message: dev.partyline.shared.protocol.ServerMessage)

/** Who gets an [Emit]. */
sealed interface Audience {
    /** Whether [player] is in this audience; [requester] is whose message caused the emit, if any. */
    fun includes(player: PlayerId, requester: PlayerId?): Boolean = when (this) {
        Everyone -> true
        is Only -> player == this.player
        Requester -> player == requester
        is Others -> player !in except
    }

    /** Every member, spectators included. */
    data object Everyone : Audience
    /** One member only. */
    data class Only(val player: PlayerId) : Audience
    /** The member whose message caused this, as a direct reply carrying `re`. */
    data object Requester : Audience
    /** Every member not in [except]: e.g. the watchers, when each player gets a message of their own. */
    data class Others(val except: Set<PlayerId>) : Audience
}
