package dev.partyline.server.room

import dev.partyline.server.base.Outbox
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Job
import kotlinx.serialization.json.JsonElement

/** Who is joining a room, and where their messages go. [re] is the id of their request; [tokenHash] the hash of their session token. */
data class Joiner(val player: PlayerId, val name: String, val bot: Boolean, val outbox: Outbox, val re: JsonElement? = null, val tokenHash: String? = null)

/** The commands of a room's mailbox: the only way into a room. */
sealed interface RoomCommand {
    /** A command whose caller waits for [reply]: true when it took effect, false when refused or the room has closed. */
    sealed interface Asking : RoomCommand {
        val reply: CompletableDeferred<Boolean>
    }

    /** Joins as [role]; replies true when the joiner is now a member (a `room` snapshot was sent). */
    data class Join(val joiner: Joiner, val role: Role, override val reply: CompletableDeferred<Boolean>) : Asking
    /** A member's new connection after a resume; replies true when still a member (a snapshot was sent). */
    data class Reattach(val player: PlayerId, val outbox: Outbox, override val reply: CompletableDeferred<Boolean>) : Asking
    /** A member's connection [outbox] has gone; ignored if the member has a newer one. */
    data class Detach(val player: PlayerId, val outbox: Outbox) : RoomCommand
    /** Leaves for good; replies true when the player was a member. */
    data class Leave(val player: PlayerId, val re: JsonElement?, override val reply: CompletableDeferred<Boolean>) : Asking
    /** Any other in-room message: host controls, chat, game moves. */
    data class FromMember(val player: PlayerId, val message: ClientMessage, val re: JsonElement?, val receivedAt: Long) : RoomCommand
    /** The game's timer; stale when [generation] is not the room's latest. */
    data class Tick(val generation: Long) : RoomCommand
    /** A big room's `presence` is due. */
    data object PresenceDue : RoomCommand
    /** A dropped member's grace period ended; stale when [epoch] is not the member's latest. */
    data class GraceOver(val player: PlayerId, val epoch: Long) : RoomCommand
    /**
     * The server is shutting down: a recorded room, in its lobby or playing, is handed to the next
     * start (it closes once its journal has every entry); an unrecorded game ends now with its
     * `game_over`; replies true once done.
     */
    data class Shutdown(override val reply: CompletableDeferred<Boolean>) : Asking
}

/** A room's timers: each posts its [RoomCommand] into the room's own mailbox once it is due. */
internal fun interface RoomTimers {
    /** Posts [command] after [wait] milliseconds, read when the timer starts; cancel the job to drop it. */
    fun after(command: RoomCommand, wait: () -> Long): Job
}
