/**
 * The demo catalogue: about forty double-degree partners (MOB-3 "about forty of them"). Ids are
 * fixed so that seeding again on restart finds them and adds nothing.
 */
export interface DemoPartner {
  readonly id: string;
  readonly name: string;
  readonly country: string;
}

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  { id: 'dd-tum', name: 'Technische Universität München', country: 'DE' },
  { id: 'dd-kit', name: 'Karlsruher Institut für Technologie', country: 'DE' },
  { id: 'dd-rwth', name: 'RWTH Aachen University', country: 'DE' },
  { id: 'dd-tu-berlin', name: 'Technische Universität Berlin', country: 'DE' },
  { id: 'dd-tu-dresden', name: 'Technische Universität Dresden', country: 'DE' },
  { id: 'dd-polimi', name: 'Politecnico di Milano', country: 'IT' },
  { id: 'dd-polito', name: 'Politecnico di Torino', country: 'IT' },
  { id: 'dd-unibo', name: 'Università di Bologna', country: 'IT' },
  { id: 'dd-upm', name: 'Universidad Politécnica de Madrid', country: 'ES' },
  { id: 'dd-upc', name: 'Universitat Politècnica de Catalunya', country: 'ES' },
  { id: 'dd-upv', name: 'Universitat Politècnica de València', country: 'ES' },
  { id: 'dd-ist', name: 'Instituto Superior Técnico', country: 'PT' },
  { id: 'dd-feup', name: 'Faculdade de Engenharia da Universidade do Porto', country: 'PT' },
  { id: 'dd-kth', name: 'KTH Royal Institute of Technology', country: 'SE' },
  { id: 'dd-chalmers', name: 'Chalmers University of Technology', country: 'SE' },
  { id: 'dd-ntnu', name: 'Norwegian University of Science and Technology', country: 'NO' },
  { id: 'dd-dtu', name: 'Technical University of Denmark', country: 'DK' },
  { id: 'dd-aalto', name: 'Aalto University', country: 'FI' },
  { id: 'dd-tudelft', name: 'Delft University of Technology', country: 'NL' },
  { id: 'dd-tue', name: 'Eindhoven University of Technology', country: 'NL' },
  { id: 'dd-kuleuven', name: 'KU Leuven', country: 'BE' },
  { id: 'dd-uclouvain', name: 'Université catholique de Louvain', country: 'BE' },
  { id: 'dd-epfl', name: 'École polytechnique fédérale de Lausanne', country: 'CH' },
  { id: 'dd-tuwien', name: 'Technische Universität Wien', country: 'AT' },
  { id: 'dd-cvut', name: 'Czech Technical University in Prague', country: 'CZ' },
  { id: 'dd-pw', name: 'Warsaw University of Technology', country: 'PL' },
  { id: 'dd-bme', name: 'Budapest University of Technology and Economics', country: 'HU' },
  { id: 'dd-ucd', name: 'University College Dublin', country: 'IE' },
  { id: 'dd-cranfield', name: 'Cranfield University', country: 'GB' },
  { id: 'dd-polymtl', name: 'Polytechnique Montréal', country: 'CA' },
  { id: 'dd-ulaval', name: 'Université Laval', country: 'CA' },
  { id: 'dd-usp', name: 'Escola Politécnica da Universidade de São Paulo', country: 'BR' },
  { id: 'dd-unicamp', name: 'Universidade Estadual de Campinas', country: 'BR' },
  { id: 'dd-puc-chile', name: 'Pontificia Universidad Católica de Chile', country: 'CL' },
  { id: 'dd-uniandes', name: 'Universidad de los Andes', country: 'CO' },
  { id: 'dd-tec-monterrey', name: 'Tecnológico de Monterrey', country: 'MX' },
  { id: 'dd-tsinghua', name: 'Tsinghua University', country: 'CN' },
  { id: 'dd-sjtu', name: 'Shanghai Jiao Tong University', country: 'CN' },
  { id: 'dd-tongji', name: 'Tongji University', country: 'CN' },
  { id: 'dd-tohoku', name: 'Tohoku University', country: 'JP' },
  { id: 'dd-keio', name: 'Keio University', country: 'JP' },
  { id: 'dd-kaist', name: 'Korea Advanced Institute of Science and Technology', country: 'KR' },
];
