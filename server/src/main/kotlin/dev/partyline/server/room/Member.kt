package dev.partyline.server.room

import dev.partyline.server.base.Outbox
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role

/**
 * A member of a room as the room actor keeps it. Owned by the actor: mutated only in its loop.
 * Its [role] and [outbox] change only through [RoomMembers], which keeps the room's counts.
 * [bot] is any bot (one that said so in its hello, or one the server runs); [serverBot] only the latter.
 * [tokenHash] is the hash of a connected member's session token, which the room logs so that
 * the member can resume after a restart.
 */
class Member(
    val player: PlayerId,
    val name: String,
    val bot: Boolean,
    var role: Role,
    var outbox: Outbox?,
    val serverBot: Boolean = false,
    val tokenHash: String? = null,
) {
    val connected: Boolean get() = outbox != null

    /** Counts disconnects, so a stale grace timer can be told from the current one. */
    var epoch: Long = 0
}
