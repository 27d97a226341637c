package dev.partyline.server.room

import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.PlayerView
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.RoomSnapshot
import dev.partyline.shared.protocol.Viewer
import dev.partyline.shared.protocol.WireCodec
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * Builds the `room` snapshot a member gets on joining or resuming: everything needed to draw
 * the room, with the game's part seen through that member's eyes.
 */
class RoomSnapshots(
    private val code: RoomCode,
    private val gameId: String,
    private val table: GameTable,
    settings: RoomSettings,
    private val codec: WireCodec,
) {
    private val options = JsonObject(table.options + settings.options)

    fun view(member: Member, play: GamePlay?) =
        PlayerView(member.player, member.name, member.role, play?.scores?.get(member.player) ?: 0, member.connected, member.bot, member.serverBot)

    /** The encoded snapshot for [viewer], naming [members] (all of them unless [crowd] counts a big room); [re] when it answers a request. */
    fun of(
        viewer: Member,
        members: Collection<Member>,
        crowd: Crowd?,
        host: PlayerId?,
        phase: RoomPhase,
        play: GamePlay?,
        seq: Long,
        re: JsonElement?,
    ): String {
        val snapshot = RoomSnapshot(
            code, gameId, phase.wire, options, host, members.map { view(it, play) }, seq,
            // A player promoted to host keeps their seat in a running game: the game knows who plays.
            you = Viewer(viewer.player, viewer.role, plays = play?.scores?.containsKey(viewer.player) ?: table.plays(viewer.role)),
            view = play?.view(viewer.player) ?: table.lobbyView(),
            crowd = crowd,
        )
        return codec.encode(snapshot, re = re)
    }
}
