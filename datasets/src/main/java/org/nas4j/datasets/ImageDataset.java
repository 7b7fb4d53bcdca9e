package org.nas4j.datasets;

import com.google.common.base.Preconditions;
import java.util.List;

/**
 * Labelled images held in memory as bytes ({@code N × C × H × W}, 0–255), with a view of which
 * items belong to it: splits share the pixels. Immutable.
 */
public final class ImageDataset {

    private final String name;
    private final byte[] pixels;
    private final int[] labels;
    private final int[] items;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classes;

    /**
     * @param name a name for messages
     * @param pixels every image's bytes, channel-major
     * @param labels one label per image, in {@code [0, classes.size())}
     * @param channels channels per image
     * @param height image height
     * @param width image width
     * @param classes class names
     */
    public ImageDataset(
            String name, byte[] pixels, int[] labels, int channels, int height, int width, List<String> classes) {
        this(name, pixels, labels, identity(labels.length), channels, height, width, classes);
        Preconditions.checkArgument(
                pixels.length == (long) labels.length * channels * height * width,
                "%s: %s bytes for %s images of %sx%sx%s", name, pixels.length, labels.length, channels, height, width);
    }

    private ImageDataset(
            String name, byte[] pixels, int[] labels, int[] items, int channels, int height, int width, List<String> classes) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.items = items;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = List.copyOf(classes);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /**
     * @param newName the subset's name
     * @param positions positions in this dataset
     * @return the subset, sharing the pixels
     */
    public ImageDataset subset(String newName, int[] positions) {
        int[] sub = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            sub[i] = items[positions[i]];
        }
        return new ImageDataset(newName, pixels, labels, sub, channels, height, width, classes);
    }

    public String name() {
        return name;
    }

    public int size() {
        return items.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public List<String> classes() {
        return classes;
    }

    /** @return the label of item {@code i} */
    public int label(int i) {
        return labels[items[i]];
    }

    /** @return pixel {@code (c, y, x)} of item {@code i}, 0–255 */
    public int pixel(int i, int c, int y, int x) {
        return pixels[(((items[i] * channels) + c) * height + y) * width + x] & 0xff;
    }
}
