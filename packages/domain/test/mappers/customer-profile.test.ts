import t from 'tap'
import { mapCustomerToProfile, type CustomerRecord } from '../../src/mappers/customer-profile.js'

const contentUrl = 'https://cdn.example.com/'

/** A full row as `findUnique` without `select` would return it, secrets included. */
const row = {
  customerId: 7,
  firstName: 'Sara',
  lastName: 'Al-Qahtani',
  email: 'sara@example.com',
  phone: '+966501234567',
  password: '$2y$10$abcdefghijklmnopqrstuuJ2mE1i0Xh0mOxw9mJ9vJ1qG8Q7E6kS2',
  photo: 'uploads/customers/sara.jpg',
  gender: 'Female' as const,
  birthDate: new Date('1990-02-28T00:00:00Z'),
  language: 'en' as const,
  verifiedStatus: 'Verified' as const,
  accountStatus: 'Active' as const,
  createdAt: new Date('2024-05-01T09:30:00Z'),
  updatedAt: new Date('2025-01-01T00:00:00Z'),
}

t.test('maps a customer row to the API profile', async (t) => {
  t.same(mapCustomerToProfile(row, { contentUrl }), {
    id: 7,
    firstName: 'Sara',
    lastName: 'Al-Qahtani',
    fullName: 'Sara Al-Qahtani',
    email: 'sara@example.com',
    phone: '+966501234567',
    photoUrl: 'https://cdn.example.com/uploads/customers/sara.jpg',
    gender: 'female',
    birthDate: '1990-02-28',
    language: 'en',
    verified: true,
    createdAt: '2024-05-01T09:30:00.000Z',
  })
})

t.test('never copies the password or any column it was not asked for', async (t) => {
  const profile = mapCustomerToProfile(row, { contentUrl })
  t.same(Object.keys(profile).toSorted(), [
    'birthDate', 'createdAt', 'email', 'firstName', 'fullName', 'gender', 'id', 'language', 'lastName', 'phone',
    'photoUrl', 'verified',
  ])
  t.notMatch(JSON.stringify(profile), /\$2y\$/)
})

t.test('legacy gaps become nulls and defaults', async (t) => {
  const sparse: CustomerRecord = {
    customerId: 8,
    firstName: '  Omar ',
    lastName: null,
    email: '',
    phone: '   ',
    photo: null,
    gender: null,
    birthDate: null,
    language: null,
    verifiedStatus: 'Unverified',
    createdAt: new Date('2020-01-01T00:00:00Z'),
  }
  const profile = mapCustomerToProfile(sparse, { contentUrl })
  t.equal(profile.firstName, 'Omar', 'names are trimmed')
  t.equal(profile.lastName, '')
  t.equal(profile.fullName, 'Omar', 'no trailing space for a missing last name')
  t.equal(profile.email, null, 'a blank email is no email')
  t.equal(profile.phone, null)
  t.equal(profile.photoUrl, null)
  t.equal(profile.gender, null)
  t.equal(profile.birthDate, null)
  t.equal(profile.language, 'ar', 'the column default')
  t.equal(profile.verified, false)
})

t.test('gender and language map every legacy value', async (t) => {
  t.equal(mapCustomerToProfile({ ...row, gender: 'Male' }, { contentUrl }).gender, 'male')
  t.equal(mapCustomerToProfile({ ...row, language: 'ar' }, { contentUrl }).language, 'ar')
})

t.test('a customer with only a last name', async (t) => {
  const profile = mapCustomerToProfile({ ...row, firstName: null, lastName: 'Saleh' }, { contentUrl })
  t.equal(profile.firstName, '')
  t.equal(profile.fullName, 'Saleh', 'no leading space')
})

t.test('the birth date is the stored day, whatever the server time zone', async (t) => {
  const profile = mapCustomerToProfile({ ...row, birthDate: new Date('2000-12-31T00:00:00Z') }, { contentUrl })
  t.equal(profile.birthDate, '2000-12-31')
  t.equal(mapCustomerToProfile({ ...row, birthDate: new Date(Number.NaN) }, { contentUrl }).birthDate, null, 'zero date')
})

t.test('an absolute photo URL is kept', async (t) => {
  const profile = mapCustomerToProfile({ ...row, photo: 'https://graph.example.com/p.jpg' }, { contentUrl })
  t.equal(profile.photoUrl, 'https://graph.example.com/p.jpg')
})
