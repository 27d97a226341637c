package dev.partyline.shared.game

import dev.partyline.shared.protocol.PlayerId

val ADA = PlayerId("p_ada")
val BOB = PlayerId("p_bob")
val CY = PlayerId("p_cy")
val DEE = PlayerId("p_dee")
val EVE = PlayerId("p_eve")

/** Someone in the room who is not a player (a spectator). */
val WATCHER = PlayerId("p_watcher")

/** A fixed, arbitrary server time to start games at. */
const val T0 = 1_763_900_000_000L
