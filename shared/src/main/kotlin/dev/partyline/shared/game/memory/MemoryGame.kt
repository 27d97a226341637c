package dev.partyline.shared.game.memory

import dev.partyline.shared.game.BadOption
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.OptionReader
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameView
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.WireFormat
import dev.partyline.shared.protocol.serializersOf
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.encodeToJsonElement
import kotlinx.serialization.json.put
import kotlinx.serialization.modules.SerializersModule
import kotlinx.serialization.modules.polymorphic
import kotlinx.serialization.modules.subclass

/** Multiplayer memory ("find the pair") as a [Game] plug-in: classic turns or a race. */
object MemoryGame : Game {
    override val id = "memory"

    override val moves = serializersOf(FlipCard.serializer())

    override val events = SerializersModule {
        polymorphic(ServerMessage::class) {
            subclass(BoardStarted::class)
            subclass(Flipped::class)
            subclass(PairMatched::class)
            subclass(PairMissed::class)
            subclass(CardsHidden::class)
            subclass(TurnStarted::class)
            subclass(RaceProgressed::class)
            subclass(RaceStandings::class)
        }
        polymorphic(GameView::class) { subclass(MemoryView::class) }
    }

    val SIDE = 2..8

    override fun setup(options: JsonObject, seed: Long): Setup = try {
        Setup.Ready(read(OptionReader(options), seed))
    } catch (e: BadOption) {
        Setup.Invalid(e.rejection())
    }

    private fun read(reader: OptionReader, defaultSeed: Long): MemoryTable {
        val rows = reader.int("rows", 4, SIDE)
        val cols = reader.int("cols", 4, SIDE)
        if (rows * cols % 2 != 0) throw BadOption("a board of $rows×$cols has an odd number of cards; make rows or cols even")
        val mode = when (val name = reader.string("mode") ?: "turns") {
            "turns" -> MemoryMode.TURNS
            "race" -> MemoryMode.RACE
            else -> throw BadOption("option 'mode' must be \"turns\" or \"race\", not \"${name.take(20)}\"")
        }
        val turnSeconds = reader.int("turnSeconds", 15, 3..300)
        val missMillis = reader.int("missMillis", 1500, 0..10_000)
        val seed = reader.seed(defaultSeed)
        reader.refuseUnknown()
        val settings = MemorySettings(rows, cols, mode, turnSeconds * 1000L, missMillis.toLong(), seed, Faces.deal(rows * cols / 2, seed))
        // The seed is never shown: it would give the whole board away. `game_over` tells it.
        val public = buildJsonObject {
            put("rows", rows)
            put("cols", cols)
            put("mode", WireFormat.json.encodeToJsonElement(mode))
            put("turnSeconds", turnSeconds)
            put("missMillis", missMillis)
        }
        return MemoryTable(settings, public)
    }
}

/** A memory room's validated options and dealt board. */
class MemoryTable(private val settings: MemorySettings, override val options: JsonObject) : GameTable {
    override fun plays(role: Role) = role != Role.SPECTATOR

    override fun lobbyView() = MemoryView(BoardView.of(settings, board = null, turn = null, deadline = null, progress = null), paused = false)

    override fun start(seats: List<Seat>, now: Long): Step =
        if (seats.isEmpty()) Step.Rejected(Rejection(ErrorCode.WRONG_STATE, "memory needs at least one player to start"))
        else MemoryRules.start(settings, seats, now)
}
