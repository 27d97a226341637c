package dev.partyline.shared.protocol

import kotlinx.serialization.KSerializer
import kotlinx.serialization.modules.SerializersModule

/**
 * What a game adds to the core protocol: the client messages it reads, the server events it
 * sends and the [GameView] its `room` snapshots carry.
 */
interface WireExtension {
    /** The client message types it adds (wire type to deserializer). */
    val moves: Map<String, KSerializer<out ClientMessage>>

    /** Polymorphic registrations of its server events ([ServerMessage]) and of its view ([GameView], named by the game's id). */
    val events: SerializersModule
}
