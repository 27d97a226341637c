package dev.partyline.server.room

import dev.partyline.server.base.Outbox
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.HostChanged
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.WireCodec
import org.slf4j.LoggerFactory

/**
 * Who is in a room, in the order they came, and who hosts it; and the room's numbered stream of
 * messages to them: [seq] counts every message the room numbers. Part of a [RoomActor], used
 * only from its loop.
 */
internal class RoomMembers(private val code: RoomCode, private val table: GameTable, private val codec: WireCodec) {
    private val byPlayer = LinkedHashMap<PlayerId, Member>()
    private var playing = 0
    private var spectators = 0
    private var connectedPlayers = 0

    /** Every member, in the order they came. */
    val all: Collection<Member> get() = byPlayer.values

    /** How many members there are. */
    val size: Int get() = byPlayer.size

    var host: PlayerId? = null
        private set

    /** The number of the last numbered message sent. */
    var seq = 0L
        private set

    /** Numbers the room's next message [last] + 1, for a room rebuilt after a restart. */
    fun numberFrom(last: Long) {
        seq = last
    }

    /** The members the game seats (a host too, if the game lets hosts play). */
    val players: List<Member> get() = all.filter { table.plays(it.role) }

    /** How many of [players] there are. */
    val playerCount: Int get() = playing

    /** How many spectators there are. */
    val spectatorCount: Int get() = spectators

    /** The room's counts, kept as members come, go, connect and change role: never a pass over the room. */
    val crowd: Crowd get() = Crowd(playing, spectators, connectedPlayers)

    operator fun get(player: PlayerId): Member? = byPlayer[player]

    /** Adds [member]; one joining as host becomes the host. */
    fun add(member: Member) {
        byPlayer[member.player] = member
        count(member, 1)
        if (member.role == Role.HOST) host = member.player
    }

    /** Removes [member], quietly: telling the room, and [replaceHost] if it hosted, are the caller's. */
    fun remove(member: Member) {
        if (byPlayer.remove(member.player) != null) count(member, -1)
    }

    /** Gives [member] its connection [outbox], or takes it away (null). */
    fun connect(member: Member, outbox: Outbox?) = recounting(member) { member.outbox = outbox }

    private fun recounting(member: Member, change: () -> Unit) {
        count(member, -1)
        change()
        count(member, 1)
    }

    private fun count(member: Member, by: Int) {
        when {
            member.role == Role.SPECTATOR -> spectators += by
            table.plays(member.role) -> {
                playing += by
                if (member.connected) connectedPlayers += by
            }
        }
    }

    /** After the host has gone: the next host takes over, if anyone may, and everyone hears of it. */
    fun replaceHost() {
        val next = nextHost()
        host = next?.player
        if (next != null) {
            recounting(next) { next.role = Role.HOST }
            broadcast(HostChanged(next.player))
        }
    }

    /** Who hosts after the host: a person if any (a player first), else a remote bot; never a bot the server runs. */
    private fun nextHost(): Member? {
        val candidates = all.filter { !it.serverBot }
        return candidates.firstOrNull { !it.bot && it.role != Role.SPECTATOR } ?: candidates.firstOrNull { !it.bot }
            ?: candidates.firstOrNull { it.role != Role.SPECTATOR } ?: candidates.firstOrNull()
    }

    // region docs:broadcast
    /** Sends [message], numbered, to every connected member not in [except]; encoded once. [variant]'s player gets its own, under the same number. */
    fun broadcast(message: ServerMessage, except: Set<PlayerId> = emptySet(), variant: Variant? = null) {
        val number = ++seq
        val text = codec.encode(message, seq = number)
        for (member in all) {
            if (member.player in except) continue
            member.outbox?.offer(if (member.player == variant?.player) codec.encode(variant.message, seq = number) else text)
        }
    }
    // endregion

    /** One member's own version of a message the others get as it is. */
    data class Variant(val player: PlayerId, val message: ServerMessage)

    /** Sends [message] to [player] alone; numbered only if it is a connected member. */
    fun sendTo(player: PlayerId, message: ServerMessage) {
        byPlayer[player]?.outbox?.offer(codec.encode(message, seq = ++seq))
    }

    /** Answers [command]'s sender with [message], unnumbered, carrying its `re`; false when the sender has no connection. */
    fun answer(command: RoomCommand.FromMember, message: ServerMessage): Boolean =
        byPlayer[command.player]?.outbox?.offer(codec.encode(message, re = command.re)) != null

    /** Refuses [command] with [rejection], as an `error` to its sender. */
    fun reject(command: RoomCommand.FromMember, rejection: Rejection) {
        if (!answer(command, ErrorMessage(rejection))) log.debug("room {}: reply to departed {}", code, command.player)
    }

    private companion object {
        val log = LoggerFactory.getLogger(RoomMembers::class.java)
    }
}
