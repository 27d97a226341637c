package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig

/** Starts a real server on free loopback ports for a spec. */
suspend fun startTestServer(config: ServerConfig = ServerConfig()): PartylineServer =
    PartylineServer(config.copy(host = "127.0.0.1", httpPort = 0, tcpPort = 0)).start()
