package dev.partyline.server.room

/** Who creates a room, and from what: the creator's [account] when signed in, and the [title] of the saved quiz it plays, if any. */
data class RoomOrigin(val account: String?, val title: String?) {
    companion object {
        val ANONYMOUS = RoomOrigin(null, null)
    }
}
