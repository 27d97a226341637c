package dev.partyline.server.room

import dev.partyline.server.store.Journal
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.protocol.PlayerId

/**
 * How a room's game is recorded: into [journal], from the replay [header] its rules were set up
 * with, for the [creator] of the room and their [account] (null for an anonymous host, who gets
 * a capability key instead), listed under [title].
 */
data class RoomRecording(val journal: Journal, val header: ReplayHeader, val creator: PlayerId, val account: String?, val title: String)
