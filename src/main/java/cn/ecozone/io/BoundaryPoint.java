package cn.ecozone.io;

/**
 * One 界址点 as the boundary-point file gives it: point id, ring (圈号: 1 outer, ≥ 2 holes), X = northing and
 * Y = easting in metres of the file's Gauss-Krüger zone (Y with the zone prefix when the file had it).
 */
public record BoundaryPoint(String id, int ring, double x, double y) {}
