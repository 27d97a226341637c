package dev.partyline.server.room

import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.PlayerJoined
import dev.partyline.shared.protocol.PlayerLeft
import dev.partyline.shared.protocol.PlayerStatus
import dev.partyline.shared.protocol.Presence
import kotlinx.coroutines.Job
import java.util.PriorityQueue

/**
 * Tells a room who comes and goes. A small room hears of each member at once (`player_joined`,
 * `player_left`, `player_status`). A big one (see [Crowd]) hears a `presence` a few times a second
 * with its counts and the latest comings and goings, and its snapshots name only a few members:
 * telling every member of every other, one by one, would cost by the square of the room.
 * Part of a [RoomActor], used only from its loop.
 */
internal class RoomPresence(
    private val members: RoomMembers,
    private val snapshots: RoomSnapshots,
    private val timers: RoomTimers,
) {
    /** Whether the room has been big; it stays so. */
    private var big = false
    private val joined = ArrayDeque<Member>()
    private val left = ArrayDeque<PlayerId>()
    private var due: Job? = null

    /** [member] has just been seated (and sent its snapshot). */
    fun joined(member: Member, play: GamePlay?) {
        if (!isBig()) return members.broadcast(PlayerJoined(snapshots.view(member, play)), except = setOf(member.player))
        joined.addLast(member)
        if (joined.size > Crowd.RECENT) joined.removeFirst()
        changed()
    }

    /** [member] has gone for good, for [reason]. */
    fun left(member: Member, reason: String) {
        if (!isBig()) return members.broadcast(PlayerLeft(member.player, reason))
        if (!joined.remove(member)) {
            left.addLast(member.player)
            if (left.size > Crowd.RECENT) left.removeFirst()
        }
        changed()
    }

    /** [member]'s connection dropped or came back; [except] those who need not hear of it. */
    fun status(member: Member, except: Set<PlayerId> = emptySet()) {
        if (!isBig()) return members.broadcast(PlayerStatus(member.player, member.connected), except = except)
        changed()
    }

    /** Sends the `presence` that is due. */
    fun flush(play: GamePlay?) {
        due = null
        val news = Presence(members.crowd, joined.map { snapshots.view(it, play) }, left.toList())
        joined.clear()
        left.clear()
        members.broadcast(news)
    }

    /** The members a snapshot for [viewer] names, and the room's [Crowd] when it is big (null: the list is whole). */
    fun shown(viewer: Member, play: GamePlay?): Pair<Collection<Member>, Crowd?> {
        if (!isBig()) return members.all to null
        val named = LinkedHashSet<Member>()
        members.host?.let(members::get)?.let(named::add)
        named += viewer
        val others = members.all.asSequence().filter { it !in named }
        named += if (play == null) others.take(Crowd.SHOWN).toList() else topScorers(others, play)
        return named to members.crowd
    }

    /** Cancels the pending `presence`: the room is closing. */
    fun close() {
        due?.cancel()
    }

    /** Whether the room is big (it has been, so it is for good). */
    fun isBig(): Boolean {
        if (!big && members.size > Crowd.BIG_AFTER) big = true
        return big
    }

    private fun changed() {
        if (due == null) due = timers.after(RoomCommand.PresenceDue) { Crowd.summaryIntervalMs(members.size) }
    }

    /** The [Crowd.SHOWN] of [candidates] with the highest scores in [play], the highest first; one pass over them. */
    private fun topScorers(candidates: Sequence<Member>, play: GamePlay): List<Member> {
        val scores = play.scores
        val score = { m: Member -> scores[m.player] ?: 0 }
        val lowestFirst = PriorityQueue(Crowd.SHOWN + 1, compareBy(score))
        for (member in candidates) {
            lowestFirst.add(member)
            if (lowestFirst.size > Crowd.SHOWN) lowestFirst.poll()
        }
        return lowestFirst.sortedByDescending(score)
    }
}
