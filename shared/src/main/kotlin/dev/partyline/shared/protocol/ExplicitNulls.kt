package dev.partyline.shared.protocol

import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonTransformingSerializer
import kotlinx.serialization.json.jsonObject

/**
 * Writes a class as [serializer] does, except that a nullable property without a default is
 * always sent, as `null` when it is null, though the wire's [WireFormat] leaves nulls out; a
 * property with a default is still left out when null.
 */
internal open class ExplicitNulls<T : Any>(serializer: KSerializer<T>) : JsonTransformingSerializer<T>(serializer) {
    override fun transformSerialize(element: JsonElement): JsonElement {
        val fields = element.jsonObject
        return JsonObject(
            buildMap {
                for (i in 0 until descriptor.elementsCount) {
                    val name = descriptor.getElementName(i)
                    val required = !descriptor.isElementOptional(i) && descriptor.getElementDescriptor(i).isNullable
                    (fields[name] ?: JsonNull.takeIf { required })?.let { put(name, it) }
                }
            },
        )
    }
}
