// The demo shop's machines, written as the CSV file an admin would import.
import { readCsv, type CsvRow } from "../imports/csv";
import { COLUMNS } from "../imports/schemas";

const MACHINES_CSV = `code,name,area,capacity,status,requires
LATHE-01,Clausing 12in Lathe,Machine Shop,1,,shop-safety & lathe-introductory-skills
LATHE-02,South Bend 14in Lathe,Machine Shop,1,,shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)
LATHE-03,Haas ST-10 CNC Lathe,Machine Shop,1,,shop-safety & lathe-advanced-skills & mastercam-introductory-knowledge
MILL-01,Bridgeport Series I Mill,Machine Shop,1,,shop-safety & mill-introductory-skills
MILL-02,Bridgeport Series I Mill (DRO),Machine Shop,1,,shop-safety & mill-intermediate-skills
MILL-03,Haas VF-2 CNC Mill,Machine Shop,1,,shop-safety & mill-intermediate-skills & mastercam-intermediate-skills
DRILL-01,Clausing Drill Press,Machine Shop,1,,shop-safety
SAW-01,DoALL Vertical Bandsaw,Machine Shop,1,,shop-safety
GRIND-01,Baldor Bench Grinder,Machine Shop,1,out-of-service,shop-safety
MIG-01,Miller Millermatic 211,Welding Bay,1,,shop-safety & welding-mig-introductory-skills
MIG-02,Lincoln Power MIG 210,Welding Bay,1,,shop-safety & welding-mig-introductory-skills
TIG-01,Miller Dynasty 210 TIG,Welding Bay,1,,shop-safety & welding-tig-intermediate-skills
PLASMA-01,Hypertherm Powermax 45 Plasma Cutter,Welding Bay,1,,shop-safety & (welding-mig-introductory-knowledge | welding-tig-introductory-knowledge)
CAM-01,MasterCam Workstations,CAD Lab,12,,mastercam-introductory-knowledge
PRINT-01,Prusa MK4 3D Printers,CAD Lab,4,,
`;

/** The machine rows, read the way a machines CSV file is read. */
export function demoMachineRows(): CsvRow[] {
  return readCsv(MACHINES_CSV, COLUMNS.machines).rows;
}
