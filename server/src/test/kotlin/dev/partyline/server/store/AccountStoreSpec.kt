package dev.partyline.server.store

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe

/** The account store on both databases: names unique ignoring case, sessions that expire and close, tokens by label. */
class AccountStoreSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val db = backend.open()
        val store = SqlAccountStore(db)
        afterSpec { db.close() }

        test("a name is taken in any case, and credentials are found in any case") {
            val ada = store.create("Ada.L", "hash-1", 1).shouldNotBeNull()
            store.create("ada.l", "hash-2", 2).shouldBeNull()
            store.credentials("ADA.L") shouldBe (ada to "hash-1")
            store.credentials("nobody").shouldBeNull()
        }

        test("a session finds its account until it expires or is closed") {
            val bob = store.create("bob_s", "h", 1).shouldNotBeNull()
            store.openSession(bob.id, "s1", now = 100, expiresAt = 200)
            store.openSession(bob.id, "s2", now = 100, expiresAt = 300)
            store.session("s1", now = 199) shouldBe bob
            store.session("s1", now = 200).shouldBeNull()
            store.closeSession("s2")
            store.session("s2", now = 150).shouldBeNull()
            store.session("unknown", now = 150).shouldBeNull()
        }

        test("a token is found by its hash; a label is one token per account; removing it revokes it") {
            val cy = store.create("cy-t", "h", 1).shouldNotBeNull()
            val di = store.create("di-t", "h", 1).shouldNotBeNull()
            store.addToken(cy.id, "laptop", "t1", 5) shouldBe true
            store.addToken(cy.id, "laptop", "t2", 6) shouldBe false
            store.addToken(di.id, "laptop", "t3", 6) shouldBe true
            store.token("t1") shouldBe cy
            store.removeToken(di.id, "nope") shouldBe false
            store.removeToken(cy.id, "laptop") shouldBe true
            store.token("t1").shouldBeNull()
            store.token("t3") shouldBe di
        }
    }
})
