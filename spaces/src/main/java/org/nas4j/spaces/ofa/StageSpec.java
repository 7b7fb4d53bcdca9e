package org.nas4j.spaces.ofa;

import org.nas4j.core.nn.Activation;

/**
 * One stage of an OFA-MobileNetV3 supernet.
 *
 * @param width output channels of every block
 * @param stride stride of the stage's first block
 * @param squeezeExcite whether its blocks have squeeze-excite
 * @param activation its nonlinearity
 */
public record StageSpec(int width, int stride, boolean squeezeExcite, Activation activation) {}
