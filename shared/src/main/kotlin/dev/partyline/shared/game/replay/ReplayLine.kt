package dev.partyline.shared.game.replay

import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameMove
import dev.partyline.shared.game.Seat
import dev.partyline.shared.protocol.Decoded
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject

/**
 * One input a room's game accepted, as a replay file (and a room's journal) holds it: the room's
 * clock when the rules took it ([at]), and what it was. Fed back through the same rules at the
 * same times, the lines give the same game.
 */
@Serializable
sealed interface ReplayLine {
    val at: Long

    /** The input the rules are given; [codec] reads a move. */
    fun input(codec: WireCodec): GameInput?

    /** The game started with these [seats], in seat order. */
    @Serializable @SerialName("start")
    data class Start(override val at: Long, val seats: List<ReplaySeat>) : ReplayLine {
        override fun input(codec: WireCodec): GameInput? = null
    }

    /** A [player]'s [move] (a wire message), whose line or frame arrived at [receivedAt]. */
    @Serializable @SerialName("move")
    data class Move(override val at: Long, val player: PlayerId, val move: JsonObject, val receivedAt: Long) : ReplayLine {
        override fun input(codec: WireCodec): GameInput {
            val decoded = codec.decode(move.toString())
            val message = (decoded as? Decoded.Message)?.message as? GameMove
                ?: throw ReplayProblem("not a move of this game: $move")
            return GameInput.Move(player, message, receivedAt)
        }
    }

    @Serializable @SerialName("joined")
    data class Joined(override val at: Long, val seat: ReplaySeat) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Joined(seat.seat)
    }

    @Serializable @SerialName("presence")
    data class Presence(override val at: Long, val player: PlayerId, val connected: Boolean) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Presence(player, connected)
    }

    @Serializable @SerialName("gone")
    data class Gone(override val at: Long, val player: PlayerId) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Gone(player)
    }

    @Serializable @SerialName("tick")
    data class Tick(override val at: Long) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Tick
    }

    @Serializable @SerialName("skip")
    data class Skip(override val at: Long) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Skip
    }

    @Serializable @SerialName("pause")
    data class Pause(override val at: Long) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Pause
    }

    @Serializable @SerialName("resume")
    data class Resume(override val at: Long) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.Resume
    }

    @Serializable @SerialName("end")
    data class End(override val at: Long) : ReplayLine {
        override fun input(codec: WireCodec) = GameInput.End
    }

    companion object {
        /** The JSON of replay lines: `input` names the kind of line. */
        val json = Json {
            classDiscriminator = "input"
            encodeDefaults = true
            explicitNulls = false
        }

        /** The line for [input], accepted by the rules at [at]; [codec] writes a move. */
        fun of(input: GameInput, at: Long, codec: WireCodec): ReplayLine = when (input) {
            is GameInput.Move -> Move(at, input.player, json.parseToJsonElement(codec.encodeClient(input.move)) as JsonObject, input.receivedAt)
            is GameInput.Joined -> Joined(at, ReplaySeat.of(input.seat))
            is GameInput.Presence -> Presence(at, input.player, input.connected)
            is GameInput.Gone -> Gone(at, input.player)
            GameInput.Tick -> Tick(at)
            GameInput.Skip -> Skip(at)
            GameInput.Pause -> Pause(at)
            GameInput.Resume -> Resume(at)
            GameInput.End -> End(at)
        }

        fun start(seats: List<Seat>, at: Long): ReplayLine = Start(at, seats.map(ReplaySeat::of))
    }
}

/** A [Seat] in a replay file. */
@Serializable
data class ReplaySeat(val player: PlayerId, val name: String, val connected: Boolean = true, val bot: Boolean = false) {
    val seat: Seat get() = Seat(player, name, connected, bot)

    companion object {
        fun of(seat: Seat) = ReplaySeat(seat.player, seat.name, seat.connected, seat.bot)
    }
}

/** A replay file that does not fit the format or the rules; [line] is its 1-based line number, when known. */
class ReplayProblem(val reason: String, val line: Int? = null) : Exception(if (line == null) reason else "line $line: $reason")
