package dev.partyline.server.store

import kotlinx.serialization.Serializable

/** What an image's header says: its media [type] (`image/png`…) and its size in pixels. */
data class ImageFacts(val type: String, val width: Int, val height: Int)

/** An image as it was uploaded: its bytes exactly as sent, and who may delete it. */
class StoredImage(val id: String, val owner: String, val facts: ImageFacts, val content: ByteArray)

/** A line of an account's list of images. */
@Serializable
data class ImageSummary(val id: String, val type: String, val width: Int, val height: Int, val bytes: Int, val createdAt: Long)

/**
 * Uploaded images. Anyone with an image's id may read it ([find]); only its owner lists or
 * deletes it, and another account's image is not found. An account's images together may take at
 * most a quota of bytes, checked as each is saved.
 */
interface ImageStore {
    /** [owner]'s images, the newest first, without their bytes. */
    suspend fun list(owner: String): List<ImageSummary>

    /**
     * Saves [content] as a new image of [owner]'s and returns its id, or null when it would take
     * [owner]'s images past [quotaBytes]. Uploads racing each other on PostgreSQL may each see the
     * total before the other's, so the quota can be passed by at most the uploads in flight.
     */
    suspend fun create(owner: String, facts: ImageFacts, content: ByteArray, now: Long, quotaBytes: Long): String?

    /** The image [id], whoever owns it. */
    suspend fun find(id: String): StoredImage?

    /** Deletes [owner]'s image [id]; false when there is none. */
    suspend fun delete(owner: String, id: String): Boolean
}
