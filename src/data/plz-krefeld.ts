/**
 * Krefeld's postcodes with a rough centre point, for "Treffs in meiner Nähe" when the browser
 * may not or cannot tell the location. No geocoding service is asked: this table is all there is.
 *
 * UNGEFÄHR: the points are hand-estimated centres of the populated part of each postcode area
 * (accurate to roughly 1 km), good enough to sort Treffs by distance, not for anything precise.
 * Before relying on them further, replace them with centroids computed from official postcode
 * boundaries (e.g. the OpenStreetMap `boundary=postal_code` relations).
 */
export interface PlzGebiet {
  plz: string;
  /** Stadtteile mostly covered, so people who do not know their postcode find their area. */
  stadtteile: string;
  lat: number;
  lon: number;
}

export const PLZ_KREFELD_UNGEFAEHR = true;

export const PLZ_KREFELD: readonly PlzGebiet[] = [
  { plz: '47798', stadtteile: 'Innenstadt (Dionysiusviertel, Westwall)', lat: 51.334, lon: 6.557 },
  { plz: '47799', stadtteile: 'Innenstadt-Nord, Cracau, Bockum-Süd', lat: 51.343, lon: 6.573 },
  { plz: '47800', stadtteile: 'Bockum, Verberg', lat: 51.355, lon: 6.59 },
  { plz: '47802', stadtteile: 'Traar, Elfrath', lat: 51.373, lon: 6.603 },
  { plz: '47803', stadtteile: 'Inrath, Kliedbruch, Kempener Feld', lat: 51.351, lon: 6.543 },
  { plz: '47804', stadtteile: 'Benrad, Forstwald, Stadtwald-West', lat: 51.326, lon: 6.522 },
  { plz: '47805', stadtteile: 'Südstadt, Dießem, Lehmheide, Königshof', lat: 51.32, lon: 6.573 },
  { plz: '47807', stadtteile: 'Fischeln, Stahldorf', lat: 51.303, lon: 6.583 },
  { plz: '47809', stadtteile: 'Oppum, Linn, Gellep-Stratum', lat: 51.328, lon: 6.62 },
  { plz: '47829', stadtteile: 'Uerdingen, Hohenbudberg', lat: 51.356, lon: 6.633 },
  { plz: '47839', stadtteile: 'Hüls', lat: 51.373, lon: 6.509 },
];
