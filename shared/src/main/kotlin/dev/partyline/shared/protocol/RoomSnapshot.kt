package dev.partyline.shared.protocol

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.KeepGeneratedSerializer
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/**
 * `room`: what a member needs to draw a room, sent on joining and on resuming: the room's
 * [options] (the game's and its own), its [players], the [seq] of its last event, who [you] are,
 * and the game's [view] through your eyes. In a big room [players] names only a few members and
 * [crowd] counts them all (see [Crowd]); elsewhere [crowd] is absent. The view's fields are written beside the snapshot's
 * own (`question`, `board`…), and read back by the view registered under [game].
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable(with = RoomSnapshotSerializer::class)
@KeepGeneratedSerializer
@SerialName("room")
data class RoomSnapshot(
    val code: RoomCode,
    val game: String,
    /** `lobby`, `playing` or `finished`. */
    val state: String,
    val options: JsonObject,
    val host: PlayerId?,
    val players: List<PlayerView>,
    val seq: Long,
    val you: Viewer,
    val view: GameView,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val crowd: Crowd? = null,
) : ServerMessage

/** `you` in a [RoomSnapshot]: the member it was built for, and whether they play in the game. */
@Serializable
data class Viewer(val player: PlayerId, val role: Role, val plays: Boolean)

/** Writes a [RoomSnapshot] with its view's fields in place of `view`, and reads them back by its `game`. */
internal object RoomSnapshotSerializer : ExplicitNulls<RoomSnapshot>(RoomSnapshot.generatedSerializer()) {
    private const val VIEW = "view"
    private const val TYPE = "type"

    override fun transformSerialize(element: JsonElement): JsonElement {
        val fields = super.transformSerialize(element).jsonObject
        return JsonObject(fields - VIEW + (fields.getValue(VIEW).jsonObject - TYPE))
    }

    override fun transformDeserialize(element: JsonElement): JsonElement {
        val fields = element.jsonObject
        val own = fields.filterKeys { descriptor.getElementIndex(it) >= 0 }
        val view = fields - own.keys + (TYPE to fields.getValue("game"))
        return JsonObject(own + (VIEW to JsonObject(view)))
    }
}
