package dev.partyline.server.base

/** This build's version, from the jar's manifest; `dev` when run from compiled classes. */
val PARTYLINE_VERSION: String = Clock::class.java.`package`?.implementationVersion ?: "dev"
