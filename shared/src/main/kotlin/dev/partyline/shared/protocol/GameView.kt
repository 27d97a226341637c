package dev.partyline.shared.protocol

/**
 * A game's part of a `room` snapshot as one member may see it: an open question has no answer,
 * a face-down card no face. Each game registers its view in [WireExtension.events], under the
 * game's id as serial name; a [RoomSnapshot] writes the view's fields beside its own, so a view
 * names none of its fields as the snapshot names one (`code`, `players`, `seq`…).
 */
interface GameView
