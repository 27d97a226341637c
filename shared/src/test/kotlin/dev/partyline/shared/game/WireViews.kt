package dev.partyline.shared.game

import dev.partyline.shared.protocol.GameView
import dev.partyline.shared.protocol.WireCodec
import kotlinx.serialization.PolymorphicSerializer
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

private val codec = WireCodec(Games.all)

/** This view's fields as a `room` snapshot carries them on the wire. */
fun GameView.wire(): JsonObject =
    JsonObject(codec.json.encodeToJsonElement(PolymorphicSerializer(GameView::class), this).jsonObject - "type")
