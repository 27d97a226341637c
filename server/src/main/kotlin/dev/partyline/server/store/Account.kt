package dev.partyline.server.store

import kotlinx.serialization.Serializable

/** A host's account as the API shows it: never its password hash. */
@Serializable
data class Account(val id: String, val name: String)
