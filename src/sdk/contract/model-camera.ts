/**
 * How the viewer frames a product, shared with the poster renderer
 * (`citylab-models poster`) so that the poster and the first 3D frame match and
 * the swap from one to the other does not jump.
 */

/** A three-quarter view from slightly above: reads well for chairs, lamps and shoes alike. */
export const CAMERA_ORBIT = '-30deg 75deg 105%';

/** A soft contact shadow grounds the product without a visible floor. */
export const SHADOW_INTENSITY = 1;
