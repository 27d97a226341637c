package dev.partyline.server.room

import dev.partyline.shared.protocol.RoomSummary
import kotlinx.serialization.json.JsonObject

/** What a client's session asks of this server's rooms: make one, find one by its code, list the public ones. */
interface Rooms {
    /** A new room of [game] with [creator] inside as its host, or why not; its game record tells its [origin]. */
    suspend fun create(game: String, options: JsonObject, creator: Joiner, origin: RoomOrigin): Created

    /** The room [code] names (read case-insensitively), for a join from [address]; refused while that address has failed too often. */
    suspend fun find(code: String, address: String): Found

    suspend fun listPublic(): List<RoomSummary>
}
