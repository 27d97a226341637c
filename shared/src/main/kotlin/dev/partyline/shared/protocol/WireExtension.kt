package dev.partyline.shared.protocol

import kotlinx.serialization.KSerializer
import kotlinx.serialization.modules.SerializersModule

/** What a game adds to the core protocol: the client messages it reads and the server events it sends. */
interface WireExtension {
    /** The client message types it adds (wire type to deserializer). */
    val moves: Map<String, KSerializer<out ClientMessage>>

    /** Polymorphic registrations of its server events. */
    val events: SerializersModule
}
