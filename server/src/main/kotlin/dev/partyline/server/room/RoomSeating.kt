package dev.partyline.server.room

import dev.partyline.server.base.Outbox
import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Seat
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.Left
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.Job
import kotlinx.serialization.json.JsonElement

/**
 * Comings and goings in a room: admitting a joiner (or refusing them), a member's connection
 * dropping and coming back within the grace window, leaving, kicks and the bans they leave.
 * Each member gets a full snapshot on entering or reconnecting; the rest of the room hears of it.
 * Part of a [RoomActor], used only from its loop.
 */
internal class RoomSeating(
    private val code: RoomCode,
    private val table: GameTable,
    private val settings: RoomSettings,
    private val config: ServerConfig,
    private val codec: WireCodec,
    private val snapshots: RoomSnapshots,
    private val members: RoomMembers,
    private val presence: RoomPresence,
    private val game: RoomGame,
    private val timers: RoomTimers,
    private val publish: () -> Unit,
    /** Where the room logs its members, for a restart to seat them again; null keeps no log. */
    private val journal: RoomJournal?,
) {
    private val banned = HashSet<PlayerId>()
    private val graceTimers = HashMap<PlayerId, Job>()

    /** Seats [joiner] as [role], or sends them why not; one who is a member already is reconnected. */
    fun admit(joiner: Joiner, role: Role): Boolean {
        val outbox = joiner.outbox
        members[joiner.player]?.let { existing ->
            reconnect(existing, outbox, joiner.re)
            return true
        }
        val refusal = refusal(joiner.player, joiner.bot, role) ?: enter(Member(joiner.player, joiner.name, joiner.bot, role, outbox, tokenHash = joiner.tokenHash), joiner.re)
        if (refusal != null) {
            outbox.offer(codec.encode(ErrorMessage(refusal), re = joiner.re))
            return false
        }
        publish()
        return true
    }

    /** Why [player] may not join as [role] now, or null if it may. */
    fun refusal(player: PlayerId, bot: Boolean, role: Role): Rejection? = when {
        player in banned -> Rejection(ErrorCode.BANNED, "the host removed you from this room")
        bot && !settings.bots -> NO_BOTS
        role == Role.PLAYER && members.playerCount >= settings.maxPlayers ->
            Rejection(ErrorCode.ROOM_FULL, "the room is full (${settings.maxPlayers} players)")
        role == Role.SPECTATOR && members.spectatorCount >= config.maxSpectators ->
            Rejection(ErrorCode.ROOM_FULL, "the room has no more seats for spectators")
        game.phase == RoomPhase.FINISHED && role == Role.PLAYER -> Rejection(ErrorCode.WRONG_STATE, "this game is over; join as a spectator")
        else -> null
    }

    /** Seats [member], in the running game too if it plays; the game's rejection (nothing changed) if it refuses a late joiner. */
    fun enter(member: Member, re: JsonElement?): Rejection? {
        if (!table.plays(member.role)) {
            seat(member, re)
            return null
        }
        return game.join(Seat(member.player, member.name, bot = member.bot)) { seat(member, re) }
    }

    /** Adds [member]: its snapshot first, then everyone else hears of it. */
    private fun seat(member: Member, re: JsonElement?) {
        members.add(member)
        journal?.seated(member)
        member.outbox?.offer(snapshot(member, members.seq + 1, re))
        presence.joined(member, game.play)
    }

    /** Gives [player] its new connection after a resume, unless that one has closed already; false when it is no longer a member. */
    fun reattach(player: PlayerId, outbox: Outbox): Boolean {
        val member = members[player] ?: return false
        if (!outbox.isClosed) reconnect(member, outbox, null)
        return true
    }

    /** Gives [member] its new connection and a full snapshot; tells the room if it was away. */
    private fun reconnect(member: Member, outbox: Outbox, re: JsonElement?) {
        val wasAway = !member.connected
        members.connect(member, outbox)
        member.epoch++
        graceTimers.remove(member.player)?.cancel()
        outbox.offer(snapshot(member, if (wasAway) members.seq + 1 else members.seq, re))
        if (wasAway) {
            presence.status(member, except = setOf(member.player))
            game.notice(GameInput.Presence(member.player, true))
        }
    }

    /** [player]'s connection [outbox] has gone: the room hears of it, and the seat is kept for the grace window. */
    fun detach(player: PlayerId, outbox: Outbox) {
        val member = members[player] ?: return
        if (member.outbox !== outbox) return
        members.connect(member, null)
        presence.status(member)
        game.notice(GameInput.Presence(member.player, false))
        awaitReturn(member)
    }

    /**
     * Seats the members of a room rebuilt after a restart, away, each with a grace window from now
     * to resume in (a bot the server runs comes back through [RoomBots]). The game is not told:
     * for it, as for the players, the restart is a pause too short to notice.
     */
    fun revive(revived: List<RevivedMember>, banned: Set<PlayerId>) {
        this.banned += banned
        for (m in revived) {
            val member = Member(m.player, m.name, m.bot, m.role, null, serverBot = m.skill != null, tokenHash = m.tokenHash)
            members.add(member)
            if (!member.serverBot) awaitReturn(member)
        }
        publish()
    }

    private fun awaitReturn(member: Member) {
        val epoch = ++member.epoch
        graceTimers[member.player] = timers.after(RoomCommand.GraceOver(member.player, epoch)) { config.graceMillis }
    }

    /** [player]'s grace window is over: gone for good unless it came back since ([epoch] is stale then). */
    fun graceOver(player: PlayerId, epoch: Long) {
        val member = members[player]
        if (member != null && !member.connected && member.epoch == epoch) remove(member, "timeout")
    }

    /** [player] leaves, answering their request [re]; false when not a member. */
    fun leave(player: PlayerId, re: JsonElement?): Boolean {
        val member = members[player] ?: return false
        member.outbox?.offer(codec.encode(Left(code), re = re))
        remove(member, "left")
        return true
    }

    /** The host removes [member], who may not come back. */
    fun kick(member: Member) {
        banned += member.player // before the removal, which logs it
        member.outbox?.close(Goodbye(Goodbye.KICKED, "the host removed you from room $code"))
        remove(member, "kicked")
    }

    /** Removes [member] for [reason]: the game and the room hear of it, and a new host takes over if it hosted. */
    fun remove(member: Member, reason: String) {
        members.remove(member)
        journal?.gone(member.player, banned = member.player in banned)
        graceTimers.remove(member.player)?.cancel()
        game.notice(GameInput.Gone(member.player)) // also a promoted host who played: the game knows its own seats
        presence.left(member, reason)
        if (member.player == members.host) {
            members.replaceHost()
            members.host?.let { journal?.host(it) }
        }
        publish()
    }

    /** Cancels every grace timer: the room is closing. */
    fun close() {
        graceTimers.values.forEach { it.cancel() }
    }

    private fun snapshot(member: Member, seq: Long, re: JsonElement?): String {
        val (shown, crowd) = presence.shown(member, game.play)
        return snapshots.of(member, shown, crowd, members.host, game.phase, game.play, seq, re)
    }

    companion object {
        /** The refusal of a bot by a room that admits none. */
        val NO_BOTS = Rejection(ErrorCode.BOTS_NOT_ALLOWED, "this room does not admit bots")
    }
}
