/**
 * Entry of the map bundle (Leaflet + src/scripts/karte.ts), loaded by karte-tor.ts with a
 * <script> element only after consent; it hands the map starter back to the gate.
 */
import { karteStarten } from './karte';

document.dispatchEvent(new CustomEvent('qp-karte-modul', { detail: karteStarten }));
