package dev.partyline.server.room

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.store.GameRecord
import dev.partyline.server.store.RoomEvent
import dev.partyline.shared.game.BadOption
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.game.replay.ReplayLine
import dev.partyline.shared.game.replay.ReplayProblem
import dev.partyline.shared.game.replay.Replayer
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode

/** A member as a rebuilt room seats them. [tokenHash] lets a person or remote bot resume; [skill] marks a bot the server runs. */
data class RevivedMember(val player: PlayerId, val name: String, val bot: Boolean, val role: Role, val tokenHash: String?, val skill: Double?)

/**
 * A room to rebuild after a restart: its game (if started) folded from the journal through the
 * same rules, its members folded from the room log, and how far both had got ([lines],
 * [logged], and the room's message number [roomSeq]).
 */
class RoomRevival(
    val record: GameRecord,
    val header: ReplayHeader,
    val table: GameTable,
    val settings: RoomSettings,
    val creator: PlayerId,
    /** The game as its journal leaves it; null while the room is in its lobby. */
    val play: GamePlay?,
    val lines: Int,
    val logged: Int,
    val members: List<RevivedMember>,
    val banned: Set<PlayerId>,
    val roomSeq: Long,
) {
    val code: RoomCode get() = RoomCode(record.room)

    /** Why a game's record cannot make a room again. */
    class Problem(message: String) : Exception(message)

    companion object {
        /**
         * Folds game [record]'s [journal] through [replayer] (for [games]) and its [roomLog] (JSON
         * lines, in order); throws [Problem] when they cannot make a room.
         */
        fun of(
            record: GameRecord,
            journal: List<String>,
            roomLog: List<String>,
            roomSeq: Long,
            games: List<Game>,
            replayer: Replayer,
            config: ServerConfig,
        ): RoomRevival {
            val header = ReplayLine.json.decodeFromString(ReplayHeader.serializer(), record.header)
            val game = games.firstOrNull { it.id == header.game } ?: throw Problem("no game '${header.game}'")
            val table = when (val setup = game.setup(header.options, header.seed)) {
                is Setup.Invalid -> throw Problem("its options are refused: ${setup.rejection.message}")
                is Setup.Ready -> setup.table
            }
            val lines = journal.map { ReplayLine.json.decodeFromString(ReplayLine.serializer(), it) }
            val play = try {
                replayer.run(ReplayFile(header, lines)).play
            } catch (e: ReplayProblem) {
                throw Problem("its journal does not replay: ${e.message}")
            }
            val events = roomLog.map { RoomEvent.json.decodeFromString(RoomEvent.serializer(), it) }
            val opened = events.firstOrNull() as? RoomEvent.Opened ?: throw Problem("its room log does not begin with the room")
            val settings = try {
                RoomSettings.split(opened.options, config).first
            } catch (e: BadOption) {
                throw Problem("its room options are refused: ${e.message}")
            }
            val members = LinkedHashMap<PlayerId, RevivedMember>()
            val banned = HashSet<PlayerId>()
            for (event in events) {
                when (event) {
                    is RoomEvent.Opened -> Unit
                    is RoomEvent.Seated -> members[PlayerId(event.player)] =
                        RevivedMember(PlayerId(event.player), event.name, event.bot, event.role, event.tokenHash, event.skill)
                    is RoomEvent.Host -> members.computeIfPresent(PlayerId(event.player)) { _, m -> m.copy(role = Role.HOST) }
                    is RoomEvent.Gone -> {
                        members.remove(PlayerId(event.player))
                        if (event.banned) banned += PlayerId(event.player)
                    }
                }
            }
            if (members.values.none { it.skill == null }) throw Problem("no one is left in its room")
            return RoomRevival(
                record, header, table, settings, PlayerId(opened.creator), play, lines.size, events.size, members.values.toList(), banned, roomSeq,
            )
        }
    }
}
