package org.parboot.batch;

import org.parboot.BootstrapResult;

/**
 * The bootstrap of one group of a batch.
 *
 * @param file the file's name
 * @param group the group's value ({@code ""} when not grouped)
 * @param seed the derived seed it ran with ({@link org.parboot.rng.Seeds#group}); {@code --seed} with this
 *     value repeats the group alone
 * @param result its result (its options carry the derived seed)
 */
public record GroupResult(String file, String group, long seed, BootstrapResult result) {}
