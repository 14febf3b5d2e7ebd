/**
 * Approximate centres of Oslo's 15 districts (WGS 84), for "sort by distance from a district".
 * They are rough points inside each district, good to a kilometre or so — enough to order
 * services by nearness, not for navigation.
 */
export const DISTRICT_CENTRES: Readonly<Record<string, { latitude: number; longitude: number }>> = {
  B01: { latitude: 59.9066, longitude: 10.7787 }, // Gamle Oslo
  B02: { latitude: 59.925, longitude: 10.77 }, // Grünerløkka
  B03: { latitude: 59.937, longitude: 10.755 }, // Sagene
  B04: { latitude: 59.927, longitude: 10.74 }, // St. Hanshaugen
  B05: { latitude: 59.92, longitude: 10.706 }, // Frogner
  B06: { latitude: 59.926, longitude: 10.65 }, // Ullern
  B07: { latitude: 59.96, longitude: 10.67 }, // Vestre Aker
  B08: { latitude: 59.955, longitude: 10.76 }, // Nordre Aker
  B09: { latitude: 59.938, longitude: 10.825 }, // Bjerke
  B10: { latitude: 59.96, longitude: 10.88 }, // Grorud
  B11: { latitude: 59.962, longitude: 10.925 }, // Stovner
  B12: { latitude: 59.93, longitude: 10.86 }, // Alna
  B13: { latitude: 59.89, longitude: 10.83 }, // Østensjø
  B14: { latitude: 59.86, longitude: 10.79 }, // Nordstrand
  B15: { latitude: 59.835, longitude: 10.815 }, // Søndre Nordstrand
};

/** Great-circle distance in kilometres (the same formula the search runs in SQL). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
