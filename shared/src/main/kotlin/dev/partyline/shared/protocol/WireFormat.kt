package dev.partyline.shared.protocol

import kotlinx.serialization.json.Json

/** The JSON settings of the wire: unknown fields ignored, nulls left out, `type` as discriminator. */
object WireFormat {
    val json: Json = Json {
        ignoreUnknownKeys = true
        encodeDefaults = true
        explicitNulls = false
        classDiscriminator = "type"
    }
}
