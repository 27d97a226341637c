package dev.partyline.shared.protocol

/**
 * A game's part of a `room` snapshot as one member may see it: an open question has no answer,
 * a face-down card no face. Each game registers its view in [WireExtension.events], under the
 * game's id as serial name; a [RoomSnapshot] writes the view's fields beside its own.
 */
interface GameView
