package dev.chorus.core.message;

/**
 * A button on a card.
 *
 * @param action what pressing it does, read back by core (see {@link ButtonAction})
 */
public record Button(String label, String action) {}
