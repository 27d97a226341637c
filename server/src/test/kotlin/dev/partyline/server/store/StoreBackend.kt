package dev.partyline.server.store

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TempDirs

/** The two databases a store spec runs against, each time with a new, empty one. */
enum class StoreBackend {
    SQLITE {
        override fun config(base: ServerConfig) = base.copy(dataDir = TempDirs.create("partyline-data"), databaseUrl = null)
    },
    POSTGRES {
        override fun config(base: ServerConfig) = base.copy(databaseUrl = TestPostgres.freshDatabase())
    };

    /** [base] storing its data in a new, empty database of this backend. */
    abstract fun config(base: ServerConfig = ServerConfig()): ServerConfig

    /** A new, empty database of this backend, opened. */
    fun open(): Database = Database.open(config())
}
